namespace StreamFinance.Domain; internal static class Placeholder {}
