-- customers and their orders, the orders referencing the customers
CREATE TABLE dbo.customer (
    id INT NOT NULL PRIMARY KEY,
    name NVARCHAR(100) NOT NULL,
    email VARCHAR(200) NULL
);

CREATE TABLE dbo.orders (
    id INT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    customer_id INT NOT NULL,
    amount DECIMAL(10, 2) NOT NULL,
    CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES dbo.customer (id)
);
