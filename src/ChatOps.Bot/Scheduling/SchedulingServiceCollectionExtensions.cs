using ChatOps.Commands.Schedules;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatOps.Bot.Scheduling;

/// <summary>
/// Quartz.NET with the in-memory job store: one cron trigger per <see cref="IScheduledTask"/>.
/// The store forgets everything when the service stops, so a fire due while it was down is not
/// run: the next one is the next time the cron names. A fire that comes late while the service
/// runs (the machine was suspended, every worker busy) runs once at once ("fire now").
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

            var zone = TimeZoneInfo.FindSystemTimeZoneById(schedules.TimeZone);
            foreach (var (job, cron) in schedules.ByJob)
            {
                var key = new JobKey(job);
                quartz.AddJob<TaskJob>(j => j.WithIdentity(key).StoreDurably());
                quartz.AddTrigger(t => t.ForJob(key).WithIdentity(job + "-trigger")
                    .WithCronSchedule(cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }
        });
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
