package io.miniauth.examples.orders;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a client sends to place an order.
 *
 * @param item what is ordered
 */
record NewOrder(@NotBlank @Size(max = 100) String item) {

}
