/**
 * The persistence pieces the three services share: the shape of their one-row-per-order record
 * ({@link io.orderflow.persistence.OrderKeyedRecord}), how a transaction that lost a race on
 * that row is re-run ({@link io.orderflow.persistence.RowConflicts}) and the in-memory database of
 * the embedded platform ({@link io.orderflow.persistence.InMemoryDatabase}). None is a bean, and
 * none maps a table, so each service configuration stays self-contained.
 */
package io.orderflow.persistence;
