package org.saypro.dcop.app;

import java.util.Arrays;
import java.util.Map;

/** {@code java -jar dcop.jar [serve]}: the command line of the server. */
public final class Application {

  private Application() {}

  public static void main(String[] args) {
    String command = args.length == 0 ? "serve" : args[0];
    switch (command) {
      case "serve" -> serve(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
      case "issue-bulk" -> System.exit(new IssueBulkCommand(System.out, System.err)
          .run(Arrays.asList(args).subList(1, args.length), System.getenv()));
      case "help", "--help", "-h" -> System.out.println(usage());
      default -> {
        System.err.println("unknown command: " + command + "\n" + usage());
        System.exit(2);
      }
    }
  }

  private static void serve(String[] args) {
    DcopServer server = DcopServer.start(Map.of(), args);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dcop-shutdown"));
  }

  private static String usage() {
    return """
        usage: dcop <command>
          serve       start the server (default); configuration comes from environment variables, see README
          issue-bulk  award a qualification to every learner in a CSV file (dcop issue-bulk --help)
          help        this text""";
  }
}
