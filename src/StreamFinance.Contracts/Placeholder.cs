namespace StreamFinance.Contracts; internal static class Placeholder {}
