System.Console.WriteLine("gate sample app");
