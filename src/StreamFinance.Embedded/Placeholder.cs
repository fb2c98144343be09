namespace StreamFinance.Embedded; internal static class Placeholder {}
