// Keyword search (GET /events?q=) was a LIKE over title, description and venue name of
// every event in the list's time window: ~100 req/s at 100,000 events once the answer
// was not cached. Chinese words are mostly 2-4 characters, too short for a word
// tokenizer or SQLite's trigram FTS5, and MariaDB has no ngram parser; so both engines
// get the same table of two-character grams (db/event-search): one row per gram
// of an event's text, keyed (gram, startsAt, eventId) so a gram's events read in the
// list's order. The list walks the rarest gram of the word in that order, joins the
// others, and keeps LIKE as the final word on each candidate.
//
// The app fills it on every ORM write of an event's text (EventSearchSubscriber); two
// triggers cover what any writer does to the rest:
// - tr_events_search_starts: a new startsAt is copied onto the event's grams;
// - tr_events_search_delete: a deleted event's grams go with it.
// Later migrations, beware (SQLite): recreating the events table drops these triggers;
// create them again after (createSearchTriggers below). Changing how grams are made
// (grams.ts, like-folds.ts) needs a migration that calls rebuildSearchIndex.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildSearchIndex } from '../event-search/search-index';

const isMysql = (queryRunner: QueryRunner) => queryRunner.connection.driver.options.type === 'mysql';

export async function createSearchTriggers(queryRunner: QueryRunner): Promise<void> {
  const copyStart = 'UPDATE event_search_grams SET startsAt = NEW.startsAt WHERE eventId = NEW.id';
  const dropGrams = 'DELETE FROM event_search_grams WHERE eventId = OLD.id';
  if (isMysql(queryRunner)) {
    await queryRunner.query(
      `CREATE TRIGGER tr_events_search_starts AFTER UPDATE ON events FOR EACH ROW BEGIN IF NOT (NEW.startsAt <=> OLD.startsAt) THEN ${copyStart}; END IF; END`,
    );
    await queryRunner.query(`CREATE TRIGGER tr_events_search_delete AFTER DELETE ON events FOR EACH ROW BEGIN ${dropGrams}; END`);
  } else {
    await queryRunner.query(
      `CREATE TRIGGER tr_events_search_starts AFTER UPDATE OF startsAt ON events FOR EACH ROW WHEN NEW.startsAt IS NOT OLD.startsAt BEGIN ${copyStart}; END`,
    );
    await queryRunner.query(`CREATE TRIGGER tr_events_search_delete AFTER DELETE ON events FOR EACH ROW BEGIN ${dropGrams}; END`);
  }
}

export class EventSearchGrams1766400000000 implements MigrationInterface {
  name = 'EventSearchGrams1766400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isMysql(queryRunner)) {
      // Grams compare exactly (they are folded already); eventId and startsAt typed as in events (datetime(3)), so the
      // copy equals the original and joins need no conversion.
      await queryRunner.query(`CREATE TABLE event_search_grams (
        gram varchar(2) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        startsAt datetime(3) NOT NULL,
        eventId varchar(36) NOT NULL,
        PRIMARY KEY (gram, startsAt, eventId),
        KEY ix_event_search_grams_event (eventId)
      ) ENGINE=InnoDB`);
    } else {
      await queryRunner.query(`CREATE TABLE event_search_grams (
        gram varchar(2) NOT NULL,
        startsAt datetime NOT NULL,
        eventId varchar(36) NOT NULL,
        PRIMARY KEY (gram, startsAt, eventId)
      ) WITHOUT ROWID`);
      await queryRunner.query('CREATE INDEX ix_event_search_grams_event ON event_search_grams (eventId)');
    }
    await createSearchTriggers(queryRunner);
    await rebuildSearchIndex(queryRunner.manager);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER IF EXISTS tr_events_search_starts');
    await queryRunner.query('DROP TRIGGER IF EXISTS tr_events_search_delete');
    await queryRunner.query('DROP TABLE event_search_grams');
  }
}
