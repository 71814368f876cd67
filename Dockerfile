# syntax=docker/dockerfile:1
# Build:  docker build -t mtls-operator:dev .
# The runtime image is Microsoft's chiseled ASP.NET Core image: no shell, no package manager, runs as the
# non-root user "app" (uid 1654), works with a read-only root filesystem.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Restore first, from the project files and the central version pins only, so the layer is cached until a
# dependency changes. Versions come from Directory.Packages.props, nothing floats.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/MtlsOperator.Runtime/MtlsOperator.Runtime.csproj src/MtlsOperator.Runtime/
COPY src/MtlsOperator/MtlsOperator.csproj src/MtlsOperator/
RUN dotnet restore src/MtlsOperator/MtlsOperator.csproj --use-current-runtime -p:PublishReadyToRun=true

COPY src/MtlsOperator.Runtime/ src/MtlsOperator.Runtime/
COPY src/MtlsOperator/ src/MtlsOperator/
# ReadyToRun: the operator and its libraries ship precompiled, so the process starts faster and JIT-compiles (and holds
# in memory) little code; framework-dependent on the image's runtime, for the architecture being built.
RUN dotnet publish src/MtlsOperator/MtlsOperator.csproj --no-restore -c Release -o /app \
    --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
    -p:UseAppHost=true -p:DebugType=none -p:GenerateDocumentationFile=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build /app ./
# No diagnostics IPC socket in /tmp: the container runs with a read-only root filesystem. Workstation GC with a 2 MiB
# gen0 budget: the operator's live heap is a few MiB, and a larger budget only adds resident garbage (docs/benchmarks.md).
ENV DOTNET_EnableDiagnostics=0 \
    DOTNET_gcServer=0 \
    DOTNET_GCgen0size=0x200000
USER $APP_UID
EXPOSE 8080 8081
ENTRYPOINT ["/app/mtls-operator"]
CMD ["run"]
