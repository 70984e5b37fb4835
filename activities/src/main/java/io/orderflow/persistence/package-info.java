/**
 * The one piece of persistence behaviour the three services share: how a transaction that lost a
 * race on an order's row is re-run. Not a bean, so each service configuration stays self-contained.
 */
package io.orderflow.persistence;
