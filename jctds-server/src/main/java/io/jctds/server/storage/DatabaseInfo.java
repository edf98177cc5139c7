package io.jctds.server.storage;

import java.time.LocalDateTime;

/**
 * A TDS database as sys.databases shows it.
 *
 * @param name its name as created
 * @param id database_id (master 1, tempdb 2, model 3, msdb 4, user databases from 5)
 * @param created create_date
 * @param collation its default collation's name
 */
public record DatabaseInfo(String name, int id, LocalDateTime created, String collation) {}
