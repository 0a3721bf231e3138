package com.omnichat.generator;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code scripts/bench.sh}: runs the benchmark once the application (and its HTTP port) is
 * up, prints the markdown table, writes report.md and report.json, and exits.
 */
@Component
@ConditionalOnBooleanProperty("omnichat.bench.run")
class BenchmarkCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkCommand.class);

    private final Benchmark benchmark;
    private final Environment env;
    private final ConfigurableApplicationContext context;

    BenchmarkCommand(Benchmark benchmark, Environment env, ConfigurableApplicationContext context) {
        this.benchmark = benchmark;
        this.env = env;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int status = 1;
        try {
            BenchReport report = benchmark.run(BenchOptions.from(env));
            Path output = Path.of(env.getProperty("omnichat.bench.output", "target/bench"));
            ReportWriter.write(report, output);
            log.info("The benchmark's report:\n\n{}", ReportWriter.markdown(report));
            log.info("Report written to {} (report.md, report.json)", output.toAbsolutePath());
            status = 0;
        } catch (Exception e) {
            log.error("Benchmark failed", e);
        } finally {
            int code = status;
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }
}
