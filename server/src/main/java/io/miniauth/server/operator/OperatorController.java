package io.miniauth.server.operator;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators and API keys, for admins only: {@code /admin/api/operators} and
 * {@code /admin/api/api-keys}. A created key is in the answer once and never again.
 */
@RestController
@Tag(name = "admin")
class OperatorController {

	private final Operators operators;

	private final ApiKeys apiKeys;

	private final OperatorAudit audit;

	OperatorController(Operators operators, ApiKeys apiKeys, OperatorAudit audit) {
		this.operators = operators;
		this.apiKeys = apiKeys;
		this.audit = audit;
	}

	@GetMapping("/admin/api/operators")
	OperatorList operators() {
		return new OperatorList(this.operators.all().stream().map(OperatorView::of).toList());
	}

	@PostMapping("/admin/api/operators")
	@ResponseStatus(HttpStatus.CREATED)
	OperatorView createOperator(@RequestBody NewOperator body, @AuthenticationPrincipal OperatorPrincipal actor,
			HttpServletRequest request) {
		Operator created = this.operators.create(body.username(), body.password(), OperatorRole.fromWire(body.role()));
		this.audit.record(actor, OperatorAction.OPERATOR_CREATED, null,
				created.username() + " (" + created.role().wire() + ")", request);
		return OperatorView.of(created);
	}

	@DeleteMapping("/admin/api/operators/{id}")
	ResponseEntity<Void> deleteOperator(@PathVariable String id, @AuthenticationPrincipal OperatorPrincipal actor,
			HttpServletRequest request) {
		Operator deleted = this.operators.delete(id, actor);
		this.audit.record(actor, OperatorAction.OPERATOR_DELETED, null, deleted.username(), request);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/admin/api/api-keys")
	ApiKeyList apiKeys() {
		return new ApiKeyList(this.apiKeys.all().stream().map(ApiKeyView::of).toList());
	}

	@PostMapping("/admin/api/api-keys")
	@ResponseStatus(HttpStatus.CREATED)
	CreatedApiKey createApiKey(@RequestBody NewApiKey body, @AuthenticationPrincipal OperatorPrincipal actor,
			HttpServletRequest request) {
		ApiKeys.CreatedKey created = this.apiKeys.create(body.name(), OperatorRole.fromWire(body.role()), actor);
		this.audit.record(actor, OperatorAction.API_KEY_CREATED, null,
				created.record().name() + " (" + created.record().role().wire() + ")", request);
		return new CreatedApiKey(ApiKeyView.of(created.record()), created.key());
	}

	@DeleteMapping("/admin/api/api-keys/{id}")
	ResponseEntity<Void> revokeApiKey(@PathVariable String id, @AuthenticationPrincipal OperatorPrincipal actor,
			HttpServletRequest request) {
		this.apiKeys.revoke(id);
		this.audit.record(actor, OperatorAction.API_KEY_REVOKED, null, id, request);
		return ResponseEntity.noContent().build();
	}

	record OperatorList(List<OperatorView> operators) {
	}

	/**
	 * @param username the sign-in name
	 * @param password the password
	 * @param role {@code admin} or {@code viewer}
	 */
	record NewOperator(String username, String password, String role) {

		@Override
		public String toString() {
			return "NewOperator[username=" + this.username + ", password=******, role=" + this.role + "]";
		}

	}

	/**
	 * @param name what the key is for
	 * @param role {@code admin} or {@code viewer}
	 */
	record NewApiKey(String name, String role) {
	}

	record ApiKeyList(List<ApiKeyView> apiKeys) {
	}

	/**
	 * A key as the list shows it: never the key.
	 *
	 * @param id the id
	 * @param name what it is for
	 * @param prefix its first characters
	 * @param role {@code admin} or {@code viewer}
	 * @param createdBy who created it
	 * @param createdAt when
	 * @param lastUsedAt its latest use, or {@code null}
	 */
	record ApiKeyView(String id, String name, String prefix, String role, String createdBy, Instant createdAt,
			Instant lastUsedAt) {

		static ApiKeyView of(ApiKey key) {
			return new ApiKeyView(key.id(), key.name(), key.prefix(), key.role().wire(), key.createdBy(),
					key.createdAt(), key.lastUsedAt());
		}

	}

	/**
	 * @param apiKey the key's record
	 * @param key the key: shown this once
	 */
	record CreatedApiKey(ApiKeyView apiKey, String key) {
	}

}
