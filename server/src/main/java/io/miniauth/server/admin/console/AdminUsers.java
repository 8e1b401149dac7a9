package io.miniauth.server.admin.console;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.miniauth.server.app.MiniApps;
import io.miniauth.server.persistence.PageCursor;

import org.springframework.stereotype.Service;

/**
 * Finds users for operators, with the apps each is linked to by unionid (configured apps
 * only, as {@code GET /user/me} shows them).
 */
@Service
class AdminUsers {

	private final AdminUserRepository repository;

	private final MiniApps apps;

	AdminUsers(AdminUserRepository repository, MiniApps apps) {
		this.repository = repository;
		this.apps = apps;
	}

	/**
	 * A page of matching users, newest first.
	 * @param filter the filter
	 * @param after where the previous page ended, or {@code null}
	 * @param limit the page size
	 * @return the users with their linked apps
	 */
	List<AdminUser> find(UserFilter filter, PageCursor after, int limit) {
		return withLinkedApps(this.repository.find(filter, after, limit));
	}

	AdminUser get(String id) {
		return this.repository.findById(id)
			.map((user) -> withLinkedApps(List.of(user)).get(0))
			.orElseThrow(UserNotFoundException::new);
	}

	private List<AdminUser> withLinkedApps(List<AdminUser> users) {
		List<String> unionids = users.stream().map(AdminUser::unionid).filter(Objects::nonNull).distinct().toList();
		Map<String, List<AdminUserRepository.Link>> links = this.repository.findLinks(unionids)
			.stream()
			.collect(Collectors.groupingBy(AdminUserRepository.Link::unionid));
		return users.stream()
			.map((user) -> (user.unionid() == null) ? user
					: user.withLinkedApps(links.getOrDefault(user.unionid(), List.of())
						.stream()
						.filter((link) -> !link.userId().equals(user.id()) && this.apps.contains(link.appid()))
						.map(AdminUserRepository.Link::appid)
						.distinct()
						.toList()))
			.toList();
	}

}
