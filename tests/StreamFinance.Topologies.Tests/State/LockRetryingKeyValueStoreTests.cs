using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Crosscutting;
using Streamiz.Kafka.Net.Errors;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.State.Enumerator;
using StreamFinance.Kafka.State;

namespace StreamFinance.Topologies.Tests.State;

public sealed class LockRetryingKeyValueStoreTests
{
    private static Exception HeldByAnotherThread() =>
        new ProcessorStateException("Error opening store expense.card-holds at location /state/2-0/rocksdb/expense.card-holds",
            new InvalidOperationException("IO error: lock hold by current process, acquire time 1796646200 acquiring thread 4420: /state/2-0/rocksdb/expense.card-holds/LOCK: No locks available"));

    [Fact]
    public void A_store_another_thread_still_holds_is_opened_once_that_thread_lets_it_go()
    {
        var opened = new List<OpeningStore>();
        var store = new LockRetryingKeyValueStore(() =>
        {
            var next = new OpeningStore(failures: opened.Count < 2 ? HeldByAnotherThread() : null);
            opened.Add(next);
            return next;
        });

        store.Init(null!, store);

        Assert.Equal([false, false, true], opened.Select(s => s.IsOpen));
        Assert.True(store.IsOpen);
    }

    [Fact]
    public void Any_other_failure_to_open_is_not_retried()
    {
        var opened = 0;
        var store = new LockRetryingKeyValueStore(() =>
        {
            opened++;
            return new OpeningStore(failures: new ProcessorStateException("Error opening store s", new IOException("No space left on device")));
        });

        Assert.Throws<ProcessorStateException>(() => store.Init(null!, store));
        Assert.Equal(1, opened);
    }

    /// <summary>A store whose open fails with <c>failures</c>, or succeeds without it.</summary>
    private sealed class OpeningStore(Exception? failures) : IKeyValueStore<Bytes, byte[]>
    {
        public string Name => "s";
        public bool Persistent => true;
        public bool IsLocally => true;
        public bool IsOpen { get; private set; }

        public void Init(ProcessorContext context, IStateStore root)
        {
            if (failures is not null)
                throw failures;
            IsOpen = true;
        }

        public void Flush() { }
        public void Close() => IsOpen = false;
        public byte[] Get(Bytes key) => throw new NotSupportedException();
        public IKeyValueEnumerator<Bytes, byte[]> Range(Bytes from, Bytes to) => throw new NotSupportedException();
        public IKeyValueEnumerator<Bytes, byte[]> ReverseRange(Bytes from, Bytes to) => throw new NotSupportedException();
        public IEnumerable<KeyValuePair<Bytes, byte[]>> All() => throw new NotSupportedException();
        public IEnumerable<KeyValuePair<Bytes, byte[]>> ReverseAll() => throw new NotSupportedException();
        public long ApproximateNumEntries() => 0;
        public void Put(Bytes key, byte[] value) => throw new NotSupportedException();
        public byte[] PutIfAbsent(Bytes key, byte[] value) => throw new NotSupportedException();
        public void PutAll(IEnumerable<KeyValuePair<Bytes, byte[]>> entries) => throw new NotSupportedException();
        public byte[] Delete(Bytes key) => throw new NotSupportedException();
    }
}
