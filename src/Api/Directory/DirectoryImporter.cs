using System.Diagnostics;
using Microsoft.Extensions.Logging;
using QppOrleans.Api.Imports;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Api.Directory;

/// <summary>
/// Imports a directory file streamed line by line: valid records are written to the
/// directory store a thousand per transaction (through a stateless writer grain), and the name
/// indexes receive every record's summary in batches per shard, stored once at the end. Rejected lines do not stop
/// the rest. Progress is logged every 10,000 lines and reported to the caller.
/// </summary>
public sealed class DirectoryImporter(IGrainFactory grains, ILogger<DirectoryImporter> logger)
{
    private const int BatchSize = 1000;
    private const int IndexFlushSize = 20_000;
    private const int ProgressEvery = 10_000;

    /// <param name="operatorId">The operator importing; the grains that store the directory check it.</param>
    public async Task<DirectoryImportReport> ImportAsync(string operatorId, Stream ndjson, IProgress<DirectoryImportReport>? progress = null, CancellationToken cancellationToken = default)
    {
        var run = new Run(grains, operatorId);
        var started = Stopwatch.StartNew();
        var batch = new List<DirectoryEntry>(BatchSize);
        var keys = new HashSet<(string, string)>();
        var nextProgress = ProgressEvery;
        await foreach (var (number, text, refusal) in NdjsonLines.ReadAsync(ndjson, cancellationToken))
        {
            if (text is null)
            {
                run.Reject(number, refusal!);
            }
            else if (!string.IsNullOrWhiteSpace(text))
            {
                if (DirectoryRecord.TryRead(text, out var entry, out var reason))
                {
                    // A batch is one statement per key: a repeated key starts the next batch.
                    if (!keys.Add((entry.OrgType, entry.OrgId)))
                    {
                        await run.ImportAsync(batch);
                        batch.Clear();
                        keys.Clear();
                        keys.Add((entry.OrgType, entry.OrgId));
                    }

                    batch.Add(entry);
                }
                else
                {
                    run.Reject(number, reason);
                }
            }

            if (batch.Count == BatchSize)
            {
                await run.ImportAsync(batch);
                batch.Clear();
                keys.Clear();
            }

            if (number >= nextProgress)
            {
                nextProgress += ProgressEvery;
                var report = run.Report();
                logger.LogInformation("Directory import: {Lines} lines read, {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected ({Rate:F0} lines/s)",
                    number, report.Created, report.Updated, report.Unchanged, report.Rejected, number / started.Elapsed.TotalSeconds);
                progress?.Report(report);
            }
        }

        await run.ImportAsync(batch);
        await run.FinishAsync();
        var final = run.Report();
        logger.LogInformation("Directory import done in {Seconds:F1} s: {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected",
            started.Elapsed.TotalSeconds, final.Created, final.Updated, final.Unchanged, final.Rejected);
        progress?.Report(final);
        return final;
    }

    /// <summary>The search scope of an entry's name index, or null for types found by id only (virtual groups).</summary>
    public static string? Scope(DirectoryEntry entry) => entry.OrgType switch
    {
        OrgTypes.Practice or OrgTypes.Registry => entry.OrgType,
        OrgTypes.ApmEntity => $"{OrgTypes.ApmEntity}/{entry.ApmModel}",
        _ => null,
    };

    public static IEnumerable<string> ShardKeys(DirectoryEntry entry) =>
        Scope(entry) is { } scope
            ? NameWords.Of(entry.Name).Select(NameWords.Shard).Distinct().Select(prefix => GrainKeys.NameIndex(scope, prefix))
            : [];

    private sealed class Run(IGrainFactory grains, string operatorId)
    {
        private readonly Dictionary<string, List<OrganizationSummary>> upserts = [];
        private readonly Dictionary<string, List<string>> removals = [];
        private readonly HashSet<string> touched = [];
        private readonly RejectedLines rejections = new();
        private long created;
        private long updated;
        private long unchanged;
        private int pending;

        public void Reject(int line, string reason) => rejections.Add(line, reason);

        public DirectoryImportReport Report() => new(created, updated, unchanged, rejections.Count, rejections.Listed);

        public async Task ImportAsync(List<DirectoryEntry> batch)
        {
            if (batch.Count == 0)
            {
                return;
            }

            var results = await grains.GetGrain<IDirectoryWriterGrain>(0).WriteAsync(operatorId, [.. batch]);
            var registries = new List<Task>();
            for (var i = 0; i < batch.Count; i++)
            {
                var (entry, result) = (batch[i], results[i]);
                switch (result.Outcome)
                {
                    case ImportOutcome.Created: created++; break;
                    case ImportOutcome.Updated: updated++; break;
                    default: unchanged++; break;
                }

                var shards = ShardKeys(entry).ToHashSet();
                foreach (var shard in shards)
                {
                    Add(upserts, shard, entry.Summary);
                }

                if (result.Replaced is { } replaced)
                {
                    foreach (var shard in ShardKeys(replaced).Where(s => !shards.Contains(s)))
                    {
                        Add(removals, shard, replaced.OrgId);
                    }

                    if (replaced.OrgType == OrgTypes.Registry && replaced.Tins.FirstOrDefault() is { } oldTin && oldTin != entry.Tins[0])
                    {
                        registries.Add(grains.Reference<IRegistryTinGrain>(GrainKeys.RegistriesOfTin(oldTin)).SetAsync(entry.OrgId, member: false));
                    }
                }

                if (entry.OrgType == OrgTypes.Registry)
                {
                    registries.Add(grains.Reference<IRegistryTinGrain>(GrainKeys.RegistriesOfTin(entry.Tins[0])).SetAsync(entry.OrgId, member: true));
                }
            }

            await Task.WhenAll(registries);
            if (pending >= IndexFlushSize)
            {
                await FlushAsync();
            }
        }

        public async Task FinishAsync()
        {
            await FlushAsync();
            await Task.WhenAll(touched.Select(shard => grains.Reference<INameIndexGrain>(shard).PersistAsync()));
        }

        private void Add<T>(Dictionary<string, List<T>> changes, string shard, T item)
        {
            if (!changes.TryGetValue(shard, out var list))
            {
                changes[shard] = list = [];
            }

            list.Add(item);
            pending++;
        }

        private async Task FlushAsync()
        {
            await Task.WhenAll(
                removals.Select(r => grains.Reference<INameIndexGrain>(r.Key).RemoveAsync([.. r.Value]))
                    .Concat(upserts.Select(u => grains.Reference<INameIndexGrain>(u.Key).UpsertAsync([.. u.Value]))));
            touched.UnionWith(removals.Keys);
            touched.UnionWith(upserts.Keys);
            removals.Clear();
            upserts.Clear();
            pending = 0;
        }
    }
}
