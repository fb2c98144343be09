namespace StreamFinance.Topologies; internal static class Placeholder {}
