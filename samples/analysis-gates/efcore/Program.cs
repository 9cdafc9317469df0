using Sample.Shop;

using var db = new ShopContext();
Console.WriteLine($"{db.Orders.Count()} orders");
