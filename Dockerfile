# syntax=docker/dockerfile:1
# One image for every role; the service chooses what to run:
#   docker run IMAGE /app/silo/QppOrleans.Silo.dll            # silo
#   docker run IMAGE /app/silo/QppOrleans.Silo.dll migrate    # schema migrator
#   docker run -w /app/api IMAGE /app/api/QppOrleans.Api.dll  # API
# (The API uses its working directory as content root, so run it from /app/api.)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
WORKDIR /src
# The portal takes USWDS from npm when it builds (nothing is downloaded at run time).
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*

# Restore first, from the project files only, so the package layer is cached
# until a project or package version changes. (Wildcards let optional files be absent.)
COPY Directory.Build.props Directory.Packages.props global.jso[n] NuGet.confi[g] nuget.confi[g] ./
COPY src/Grains.Abstractions/QppOrleans.Grains.Abstractions.csproj src/Grains.Abstractions/
COPY src/Grains/QppOrleans.Grains.csproj src/Grains/
COPY src/Silo/QppOrleans.Silo.csproj src/Silo/
COPY src/Api/QppOrleans.Api.csproj src/Api/
COPY src/Portal/QppOrleans.Portal.csproj src/Portal/package.json src/Portal/package-lock.json src/Portal/
RUN dotnet restore src/Silo/QppOrleans.Silo.csproj \
 && dotnet restore src/Api/QppOrleans.Api.csproj \
 && cd src/Portal && npm ci --no-audit --no-fund

COPY src/ src/
# No --no-restore: a project added after the restore layer is still picked up.
RUN dotnet publish src/Silo/QppOrleans.Silo.csproj -c Release -o /app/silo /p:UseAppHost=false \
 && dotnet publish src/Api/QppOrleans.Api.csproj -c Release -o /app/api /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
ENV DOTNET_ENVIRONMENT=Production \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
WORKDIR /app
COPY --from=build /app/silo ./silo
COPY --from=build /app/api ./api
# Non-root user provided by the official .NET images.
USER $APP_UID
# 11111 silo-to-silo, 30000 gateway (clients), 8080 API
EXPOSE 11111 30000 8080
ENTRYPOINT ["dotnet"]
CMD ["/app/silo/QppOrleans.Silo.dll"]
