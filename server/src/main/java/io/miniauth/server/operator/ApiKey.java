package io.miniauth.server.operator;

import java.time.Instant;

/**
 * An API key created in the console. Only its hash is kept; the key itself is shown once.
 *
 * @param id the id
 * @param name what it is for
 * @param prefix the key's first characters, to recognise it by
 * @param role what it may do
 * @param createdBy who created it
 * @param createdAt when
 * @param lastUsedAt its latest use (at most a minute stale), or {@code null}
 */
record ApiKey(String id, String name, String prefix, OperatorRole role, String createdBy, Instant createdAt,
		Instant lastUsedAt) {
}
