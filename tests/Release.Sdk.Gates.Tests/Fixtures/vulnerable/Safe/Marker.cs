namespace Safe; public static class Marker { }
