using ChatOps.Bot.Storage;
using ChatOps.Bot.Storage.Postgres;
using ChatOps.Commands.Schedules;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatOps.Bot.Scheduling;

/// <summary>
/// Quartz.NET: one cron trigger per <see cref="IScheduledTask"/>. With LiteDB the job store is in
/// memory and forgets everything when the service stops, so a fire due while it was down is not
/// run: the next one is the next time the cron names. A fire that comes late while the service
/// runs (the machine was suspended, every worker busy) runs once at once ("fire and proceed").
/// With PostgreSQL the store is the clustered ADO.NET one on the same database (see <see cref="UseClusteredStore"/>).
/// </summary>
internal static class SchedulingServiceCollectionExtensions
{
    /// <summary>Schedule options and the <c>schedules</c> command's data; both hosts.</summary>
    public static IHostApplicationBuilder AddSchedules(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        builder.Services.AddSingleton<IScheduleInfo, CronScheduleInfo>();
        return builder;
    }

    /// <summary>The Quartz scheduler that runs the jobs; the service only.</summary>
    public static WebApplicationBuilder AddScheduler(this WebApplicationBuilder builder)
    {
        var schedules = builder.Configuration.GetSection(ScheduleOptions.Section).Get<ScheduleOptions>() ?? new ScheduleOptions();
        var valid = new ScheduleOptionsValidator().Validate(null, schedules).Succeeded;
        builder.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s => s.InstanceName = "chatops");
            if (!valid)
            {
                return; // start-up stops with the validator's message
            }

            if (StorageServiceCollectionExtensions.ProviderOf(builder.Configuration) == StorageProvider.PostgreSql)
            {
                UseClusteredStore(quartz, builder.Configuration);
            }

            var zone = TimeZoneInfo.FindSystemTimeZoneById(schedules.TimeZone);
            foreach (var (job, cron) in schedules.ByJob)
            {
                var key = new JobKey(job);
                quartz.AddJob<TaskJob>(j => j.WithIdentity(key).StoreDurably().RequestRecovery());
                quartz.AddTrigger(t => t.ForJob(key).WithIdentity(job + "-trigger")
                    .WithCronSchedule(cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }
        });
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }

    /// <summary>How often a clustered scheduler checks in; one silent for this plus <see cref="CheckinMisfireThreshold"/> is taken for dead.</summary>
    public static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(7.5);

    /// <summary>How long past a missed check-in the others wait before recovering a scheduler's jobs.</summary>
    public static readonly TimeSpan CheckinMisfireThreshold = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The ADO.NET job store on the state database, clustered: every instance shares the triggers,
    /// each fire runs on exactly one, a job on an instance that dies is run again by another
    /// (<c>RequestRecovery</c>), and a fire missed while every instance was down runs once when one
    /// is back (the trigger keeps its last fire time across the restart's re-declaration, so the
    /// missed fire is seen as misfired, and "fire and proceed" runs it once). Quartz creates its
    /// own tables (<c>qrtz_*</c>) when missing, safely when several instances start at once.
    /// </summary>
    private static void UseClusteredStore(IQuartzBuilder quartz, IConfiguration configuration)
    {
        var configured = configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)}"];
        string connection;
        try
        {
            connection = string.IsNullOrWhiteSpace(configured) ? string.Empty : PostgresStore.WithLimits(configured).ConnectionString;
        }
        catch (ArgumentException)
        {
            connection = string.Empty;
        }

        if (connection.Length == 0)
        {
            return; // empty or unreadable: the state store stops start-up with its own line
        }

        quartz.ConfigureOptions<QuartzOptions>(o => o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true);
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(connection);
            store.ProvisionSchema();
            store.UseClustering(c =>
            {
                c.CheckinInterval = CheckinInterval;
                c.CheckinMisfireThreshold = CheckinMisfireThreshold;
            });
        });
    }
}
