using Release.Sdk.Deploy.Adapters.Haproxy;

namespace Release.Sdk.Deploy.Adapters.Tests.Unit;

public sealed class HaproxyParsingTests
{
    [Fact]
    public void Weights_split_each_group_evenly_and_use_the_full_range()
    {
        var plan = HaproxyWeights.Plan(
            new Dictionary<string, int> { ["stable"] = 90, ["canary"] = 10 },
            new Dictionary<string, string> { ["s1"] = "stable", ["s2"] = "stable", ["c1"] = "canary" });

        Assert.Equal(256, plan["s1"]);
        Assert.Equal(256, plan["s2"]);
        Assert.Equal(57, plan["c1"]); // 10 / (90/2) × 256 = 56.9
        var canaryShare = 100.0 * plan["c1"] / plan.Values.Sum();
        Assert.InRange(canaryShare, 9.5, 10.5);
    }

    [Fact]
    public void A_group_at_zero_percent_gets_weight_zero_and_a_tiny_share_at_least_one()
    {
        var plan = HaproxyWeights.Plan(
            new Dictionary<string, int> { ["stable"] = 100, ["canary"] = 0 },
            new Dictionary<string, string> { ["s"] = "stable", ["c"] = "canary" });
        Assert.Equal(0, plan["c"]);
        Assert.Equal(256, plan["s"]);

        var tiny = HaproxyWeights.Plan(
            new Dictionary<string, int> { ["stable"] = 99, ["canary"] = 1 },
            new Dictionary<string, string> { ["s1"] = "stable", ["s2"] = "stable", ["s3"] = "stable", ["c"] = "canary" });
        Assert.Equal(8, tiny["c"]); // 1 / 33 × 256 = 7.8
    }

    [Fact]
    public void Show_stat_rows_of_the_backend_are_read_by_header_name()
    {
        // Shape of HAProxy 2.6 `show stat` (columns trimmed to the ones read, in a different order on purpose).
        const string csv = """
            # pxname,svname,scur,weight,status,hrsp_1xx,hrsp_2xx,hrsp_3xx,hrsp_4xx,hrsp_5xx,hrsp_other,eresp,rtime,check_status
            app,FRONTEND,3,,OPEN,0,10,0,0,2,0,,,
            app,web-1,2,256,UP,0,95,0,1,4,0,0,12,L7OK
            app,web-2,0,0,DRAIN,0,5,0,0,0,0,0,3,* L7OK
            app,web-3,0,0,MAINT,0,0,0,0,0,0,0,0,* L4CON
            other,x,0,1,UP,0,0,0,0,0,0,0,0,L7OK
            app,BACKEND,2,256,UP,0,100,0,1,4,0,0,12,

            """;
        var rows = HaproxyServerStat.Parse(csv, "app");

        Assert.Equal(["web-1", "web-2", "web-3"], rows.Select(r => r.Server));
        var web1 = rows[0];
        Assert.Equal((2L, 256, 100L, 4L, 12L), (web1.CurrentSessions, web1.Weight, web1.Responses, web1.Responses5xx, web1.ResponseTimeMs));
        Assert.True(web1.IsUp && web1.IsChecked);
        Assert.True(rows[1].IsUp);
        Assert.True(rows[1].IsChecked); // "* " = a check is running right now; the last one passed
        Assert.True(rows[2].IsMaintenance);
        Assert.False(rows[2].IsChecked);
    }

    [Fact]
    public void The_added_server_starts_with_no_traffic_and_a_fast_check()
    {
        Assert.Equal("add server app/web-1 127.0.0.1:5001 weight 0 check inter 500 fall 1 rise 1",
            HaproxyConfig.AddServer("app", "web-1", "127.0.0.1", 5001, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public void The_config_has_a_level_admin_socket_and_the_measured_retry_settings()
    {
        var config = HaproxyConfig.Render(new HaproxyRouterOptions("/tmp/x") { HealthPath = "/healthz" }, "/tmp/x/haproxy.sock", 8080, 8405);
        Assert.Contains("stats socket /tmp/x/haproxy.sock mode 600 level admin", config);
        Assert.Contains("retries 3", config);
        Assert.Contains("option redispatch", config);
        Assert.Contains("retry-on conn-failure empty-response response-timeout", config);
        Assert.Contains("option httpchk GET /healthz", config);
        Assert.Contains("bind 127.0.0.1:8080", config);
    }
}
