using Microsoft.EntityFrameworkCore;

namespace Sample.Shop;

public class Order
{
    public int Id { get; set; }

    public string Item { get; set; } = "";

    public int Quantity { get; set; }
}

public class ShopContext : DbContext
{
    public DbSet<Order> Orders => Set<Order>();

    // The design-time tools create the context with this connection; the gate's apply step passes its own (--connection).
    protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=shop.db");
}
