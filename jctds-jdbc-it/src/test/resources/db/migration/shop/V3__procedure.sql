-- CREATE PROCEDURE must be the first statement of its batch: GO separates the batches
IF OBJECT_ID('dbo.customer_total', 'P') IS NOT NULL
    DROP PROCEDURE dbo.customer_total;
GO

CREATE PROCEDURE dbo.customer_total
    @customer_id INT,
    @total DECIMAL(12, 2) OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SELECT @total = COALESCE(SUM(amount), 0) FROM dbo.orders WHERE customer_id = @customer_id;
END
GO
