INSERT INTO dbo.customer (id, name, email) VALUES
    (1, N'Ada Lovelace', 'ada@example.org'),
    (2, N'Grace Hopper', 'grace@example.org'),
    (3, N'Edsger Dijkstra', NULL);

INSERT INTO dbo.orders (customer_id, amount) VALUES (1, 10.50);
INSERT INTO dbo.orders (customer_id, amount) VALUES (1, 4.25);
INSERT INTO dbo.orders (customer_id, amount) VALUES (2, 99.99);
