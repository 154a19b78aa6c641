using System.Collections.Concurrent;

namespace Wedge.Data.Mmp;

/// <summary>
/// Enumerates a sequence on a second thread, handing items over in batches through a bounded queue, so the caller's work
/// on each item overlaps with producing the next ones (on a 2-core machine: reading and cleaning a CSV on one core while
/// the other indexes it). The order is kept; memory is bounded by <c>batchSize × batchesInFlight</c> items.
/// </summary>
internal static class Pipelined
{
    public static IEnumerable<T> Enumerate<T>(IEnumerable<T> source, int batchSize = 512, int batchesInFlight = 16)
    {
        using var stop = new CancellationTokenSource();
        using var queue = new BlockingCollection<T[]>(batchesInFlight);
        var producer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    var batch = new List<T>(batchSize);
                    foreach (var item in source)
                    {
                        batch.Add(item);
                        if (batch.Count == batchSize)
                        {
                            queue.Add([.. batch], stop.Token);
                            batch.Clear();
                        }
                    }

                    if (batch.Count > 0)
                    {
                        queue.Add([.. batch], stop.Token);
                    }
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            stop.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
            {
                foreach (var item in batch)
                {
                    yield return item;
                }
            }

            // The source's own failure (an unreadable file) surfaces here, as it would have without the second thread.
            producer.GetAwaiter().GetResult();
        }
        finally
        {
            // Stopped early (the caller broke off or failed): stop the producer and wait for it before the queue goes.
            stop.Cancel();
            try
            {
                producer.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Cancelled, or failed after the caller stopped listening; either way there is no one to tell.
            }
        }
    }
}
