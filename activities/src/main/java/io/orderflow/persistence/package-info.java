/**
 * The persistence pieces the three services share: the shape of their one-row-per-order record
 * ({@link io.orderflow.persistence.OrderKeyedRecord}) and how a transaction that lost a race on
 * that row is re-run ({@link io.orderflow.persistence.RowConflicts}). Neither is a bean, and neither
 * maps a table, so each service configuration stays self-contained.
 */
package io.orderflow.persistence;
