-- the table is created, then the next statement fails: on SQL Server the whole migration is one
-- transaction, so the table is rolled back with it
CREATE TABLE dbo.audit (id INT NOT NULL PRIMARY KEY, note NVARCHAR(100));

INSERT INTO dbo.audit (id, note) VALUES (1, N'first');

INSERT INTO dbo.no_such_table (id) VALUES (1);
