using Confluent.Kafka;
using StreamFinance.Host.Runtime;
using Streamiz.Kafka.Net.Errors;

namespace StreamFinance.Host.Tests.Runtime;

public class TopologyStartRaceTests
{
    [Fact]
    public void The_global_threads_seek_before_its_assignment_is_in_effect_is_retried()
    {
        // What Streamiz 1.8 throws from GlobalStreamThread.InitializeStateConsumer when librdkafka refuses the seek.
        var error = new StreamsException("Exception caught during initialization of GlobalStreamThread", new KafkaException(ErrorCode.Local_State));

        Assert.True(TopologyService.IsStartRace(error));
    }

    [Theory]
    [InlineData(ErrorCode.Local_Transport)]
    [InlineData(ErrorCode.Local_AllBrokersDown)]
    [InlineData(ErrorCode.TopicAuthorizationFailed)]
    public void Any_other_Kafka_failure_of_the_start_is_real_and_not_retried(ErrorCode code)
    {
        Assert.False(TopologyService.IsStartRace(new StreamsException("start failed", new KafkaException(code))));
    }

    [Fact]
    public void A_failure_outside_Streamiz_is_not_retried_even_with_that_Kafka_error()
    {
        Assert.False(TopologyService.IsStartRace(new KafkaException(ErrorCode.Local_State)));
        Assert.False(TopologyService.IsStartRace(new InvalidOperationException("bug", new KafkaException(ErrorCode.Local_State))));
        Assert.False(TopologyService.IsStartRace(new StreamsException("no Kafka error inside")));
    }
}
