/*
 * The desired-state store: what users asked for, and the history of each request.
 * Times are epoch milliseconds (bigint) so SQLite and PostgreSQL compare them alike.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('k0rdent_requests', table => {
    table.comment('Changes users asked for, applied by the reconciler');
    table.string('id', 36).primary().notNullable();
    table
      .string('idempotency_key', 255)
      .nullable()
      .unique()
      .comment('Asking again with this key returns this request');
    table.string('action', 32).notNullable();
    table.string('management_cluster', 63).notNullable();
    table.string('kind', 63).notNullable();
    table
      .string('namespace', 63)
      .notNullable()
      .defaultTo('')
      .comment("'' for cluster-scoped kinds");
    table.string('name', 253).notNullable();
    table.text('manifest').notNullable().comment('JSON of what is applied');
    table
      .text('force_fields')
      .notNullable()
      .defaultTo('[]')
      .comment('JSON list of field paths the user explicitly changes');
    table.string('requested_by', 255).notNullable();
    table.string('task_id', 255).nullable();
    table.string('status', 16).notNullable();
    table.text('reason').nullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.bigInteger('next_attempt_at').notNullable();
    table.string('lease_owner', 255).nullable();
    table.bigInteger('lease_expires_at').nullable();
    table.bigInteger('applied_generation').nullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.index(['status', 'next_attempt_at'], 'k0rdent_requests_due_idx');
    table.index(
      ['management_cluster', 'kind', 'namespace', 'name', 'created_at'],
      'k0rdent_requests_object_idx',
    );
  });
  await knex.schema.createTable('k0rdent_request_events', table => {
    table.comment('History of each request');
    table.increments('id').primary();
    table
      .string('request_id', 36)
      .notNullable()
      .references('id')
      .inTable('k0rdent_requests')
      .onDelete('CASCADE');
    table.string('status', 16).notNullable();
    table.text('message').nullable();
    table.bigInteger('at').notNullable();
    table.index(['request_id', 'id'], 'k0rdent_request_events_request_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('k0rdent_request_events');
  await knex.schema.dropTable('k0rdent_requests');
};
