package io.osbaseline.cli;

import io.osbaseline.json.Json;
import io.osbaseline.provider.ProviderFactory;
import io.osbaseline.provider.ProviderOption;
import io.osbaseline.provider.Providers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "providers", description = "List the providers on the class path and their options.")
final class ProvidersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Override
    public Integer call() throws Exception {
        output.requireTableOrJson();
        List<ProviderFactory> factories = Providers.available();
        if (output.format == OutputOptions.Format.JSON) {
            output.write(spec.commandLine().getOut(), Json.write(factories.stream().map(f -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", f.id());
                m.put("description", f.description());
                m.put("options", f.options());
                return m;
            }).toList()));
            return Main.OK;
        }
        StringBuilder s = new StringBuilder();
        for (ProviderFactory f : factories) {
            s.append(f.id()).append(": ").append(f.description()).append('\n');
            for (ProviderOption o : f.options()) {
                String flag = o.required() ? " (required)" : o.defaultValue() != null ? " (default: " + o.defaultValue()
                        + ")" : "";
                s.append(String.format("    --option %-22s %s%s%n", o.name() + "=...", o.description(), flag));
            }
        }
        output.write(spec.commandLine().getOut(), s.toString());
        return Main.OK;
    }
}
