var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenApi();
var app = builder.Build();
app.MapOpenApi();

app.MapGet("/orders/{id}", (int id) => new Order(id, "book", 2)).WithName("GetOrder");
app.MapGet("/orders", (int? page, string customer) => new[] { new Order(1, customer, 1) }).WithName("ListOrders");
app.MapPost("/orders", (Order order) => Results.Created($"/orders/{order.Id}", order)).WithName("CreateOrder");

app.Run();

public record Order(int Id, string Item, int Quantity);
