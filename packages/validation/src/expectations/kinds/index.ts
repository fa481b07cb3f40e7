import { betweenKind, type BetweenExpectation } from './between.js';
import { columnPairKind, type ColumnPairExpectation } from './column-pair.js';
import { columnTypesKind, type ColumnTypesExpectation } from './column-types.js';
import { completenessKind, type CompletenessExpectation } from './completeness.js';
import {
  compoundUniqueKind,
  uniqueKind,
  type CompoundUniqueExpectation,
  type UniqueExpectation,
} from './compound-unique.js';
import { foreignKeyKind, type ForeignKeyExpectation } from './foreign-key.js';
import { freshnessKind, type FreshnessExpectation } from './freshness.js';
import { inSetKind, type InSetExpectation } from './in-set.js';
import type { ExpectationKind } from './kind.js';
import { notNullKind, type NotNullExpectation } from './not-null.js';
import { reconcileKind, type ReconcileExpectation } from './reconcile.js';
import { rowCountKind, type RowCountExpectation } from './row-count.js';

/** Any expectation a suite may hold. */
export type Expectation =
  | NotNullExpectation
  | UniqueExpectation
  | CompoundUniqueExpectation
  | BetweenExpectation
  | ColumnPairExpectation
  | InSetExpectation
  | RowCountExpectation
  | ForeignKeyExpectation
  | CompletenessExpectation
  | FreshnessExpectation
  | ReconcileExpectation
  | ColumnTypesExpectation;

/** Every expectation kind, keyed by its name. */
export const EXPECTATION_KINDS: Readonly<Record<Expectation['kind'], ExpectationKind<never>>> = {
  expect_column_values_to_not_be_null: notNullKind as ExpectationKind<never>,
  expect_column_values_to_be_unique: uniqueKind as ExpectationKind<never>,
  expect_compound_columns_to_be_unique: compoundUniqueKind as ExpectationKind<never>,
  expect_column_values_to_be_between: betweenKind as ExpectationKind<never>,
  expect_column_pair_values_a_to_be_greater_than_b: columnPairKind as ExpectationKind<never>,
  expect_column_values_to_be_in_set: inSetKind as ExpectationKind<never>,
  expect_table_row_count_to_be_between: rowCountKind as ExpectationKind<never>,
  expect_foreign_keys_to_exist: foreignKeyKind as ExpectationKind<never>,
  expect_sessions_to_be_complete: completenessKind as ExpectationKind<never>,
  expect_table_to_be_fresh: freshnessKind as ExpectationKind<never>,
  expect_aggregate_to_reconcile: reconcileKind as ExpectationKind<never>,
  expect_table_columns_to_have_types: columnTypesKind as ExpectationKind<never>,
};

export type {
  NotNullExpectation,
  UniqueExpectation,
  CompoundUniqueExpectation,
  BetweenExpectation,
  ColumnPairExpectation,
  InSetExpectation,
  RowCountExpectation,
  ForeignKeyExpectation,
  CompletenessExpectation,
  FreshnessExpectation,
  ReconcileExpectation,
  ColumnTypesExpectation,
};
