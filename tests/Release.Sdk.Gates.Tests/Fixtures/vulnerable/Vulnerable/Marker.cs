namespace Vulnerable; public static class Marker { }
