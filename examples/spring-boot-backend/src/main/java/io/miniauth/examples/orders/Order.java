package io.miniauth.examples.orders;

import java.time.Instant;

/**
 * An order.
 *
 * @param id the order's id
 * @param userId the MiniAuth user id of who placed it
 * @param item what was ordered
 * @param placedAt when
 */
record Order(String id, String userId, String item, Instant placedAt) {

}
