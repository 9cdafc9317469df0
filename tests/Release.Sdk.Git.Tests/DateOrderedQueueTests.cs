using Release.Sdk.Git.History;

namespace Release.Sdk.Git.Tests;

/// <summary><see cref="DateOrderedQueue"/> gives exactly the order the framework's priority queue gave the walk.</summary>
public sealed class DateOrderedQueueTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    public void DequeuesNewestFirstAndEqualTimesInEnqueueOrder(int seed)
    {
        var random = new Random(seed);
        var queue = new DateOrderedQueue();
        var reference = new PriorityQueue<int, (long NegativeSeconds, long Sequence)>();
        long sequence = 0;
        var dequeued = new List<int>();
        var expected = new List<int>();
        for (var step = 0; step < 5000; step++)
        {
            if (random.Next(3) > 0 || queue.Count == 0)
            {
                // few distinct times, so ties are common
                var seconds = 1_700_000_000L + random.Next(20);
                queue.Enqueue(step, seconds);
                reference.Enqueue(step, (-seconds, sequence++));
            }
            else
            {
                dequeued.Add(queue.Dequeue());
                expected.Add(reference.Dequeue());
            }
            Assert.Equal(reference.Count, queue.Count);
        }
        while (queue.Count > 0)
        {
            dequeued.Add(queue.Dequeue());
            expected.Add(reference.Dequeue());
        }

        Assert.Equal(expected, dequeued);
    }
}
