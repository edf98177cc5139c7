package io.jctds.jdbc;

/** SKELETON: replaced by the driver part (java.sql.Driver for jdbc:jctds: URLs). */
public final class JctdsDriver {}
