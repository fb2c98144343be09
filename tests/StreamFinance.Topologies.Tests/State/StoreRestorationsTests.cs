using StreamFinance.Kafka.State;

namespace StreamFinance.Topologies.Tests.State;

public class StoreRestorationsTests
{
    [Fact]
    public void A_task_is_restored_once_each_of_its_stores_ended_a_restore_of_its_partition_after_it_began()
    {
        var restorations = new StoreRestorations();
        restorations.Ended("a", 1); // an earlier restore of the same task, before this one began
        var restoration = restorations.Begin(1, "a", "b");
        Assert.False(restoration.IsComplete);

        restorations.Ended("a", 1);
        restorations.Ended("b", 2); // another task's partition
        Assert.False(restoration.IsComplete);

        restorations.Ended("b", 1);
        Assert.True(restoration.IsComplete);
    }

    [Fact]
    public void A_record_arriving_completes_the_restoration_and_a_task_without_stores_is_restored_at_once()
    {
        var restorations = new StoreRestorations();
        var restoration = restorations.Begin(0, "a");
        restoration.RecordArrived();

        Assert.True(restoration.IsComplete);
        Assert.True(restorations.Begin(0).IsComplete);
    }
}
