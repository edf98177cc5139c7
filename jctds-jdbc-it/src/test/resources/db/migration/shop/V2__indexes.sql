CREATE INDEX ix_orders_customer ON dbo.orders (customer_id);
CREATE UNIQUE INDEX ux_customer_email ON dbo.customer (email);
