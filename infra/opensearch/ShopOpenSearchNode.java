import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Starts one OpenSearch node with the classpath modules and the nori plugin, bound to 127.0.0.1.
 * Run as a single-file source program: java -cp "libs/*" ShopOpenSearchNode.java <home> <httpPort>
 */
public class ShopOpenSearchNode {
  public static void main(String[] args) throws Exception {
    String home = args[0];
    int httpPort = Integer.parseInt(args[1]);
    // The runner probes ports by connecting to "localhost", which this sandbox answers oddly;
    // a negative maximum makes it use the port it is given.
    OpenSearchRunner runner = new OpenSearchRunner() {
      {
        maxHttpPort = -1;
      }
    };
    runner.onBuild((index, settings) -> {
      settings.put("http.port", httpPort);
      settings.put("network.host", "127.0.0.1");
      settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
      settings.put("action.auto_create_index", false);
    });
    try {
      runner.build(
          OpenSearchRunner.newConfigs()
              .basePath(home)
              .numOfNode(1)
              .baseHttpPort(httpPort - 1)
              .clusterName("shop")
              .pluginTypes("org.opensearch.plugin.analysis.nori.AnalysisNoriPlugin"));
    } catch (Throwable failure) {
      failure.printStackTrace();
      System.exit(1);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        runner.close();
      } catch (Exception ignored) {
        // exiting anyway
      }
    }));
    Thread.currentThread().join();
  }
}
