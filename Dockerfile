# syntax=docker/dockerfile:1
# The Plusflat portal. Build: docker build -t plusflat .   Run: see docker-compose.yml and the README.
# global.json asks for SDK 10.0.401 or a later 10.0 feature band; the sdk:10.0 tag carries the newest.
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src

# Restore from the project files alone, so this layer is reused while only code changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Plusflat.Domain/Plusflat.Domain.csproj src/Plusflat.Domain/
COPY src/Plusflat.Infrastructure/Plusflat.Infrastructure.csproj src/Plusflat.Infrastructure/
COPY src/Plusflat.Web/Plusflat.Web.csproj src/Plusflat.Web/
RUN dotnet restore src/Plusflat.Web/Plusflat.Web.csproj

COPY src/ src/
RUN dotnet publish src/Plusflat.Web/Plusflat.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
WORKDIR /app
COPY --from=build /app ./

# Listen on all interfaces, port 8080 (`dotnet run` uses 5080 from launchSettings.json; the image does not).
# ASPNETCORE_HTTP_PORTS (set by the base image) is cleared so Kestrel does not warn that Urls overrides it.
ENV ASPNETCORE_URLS=http://+:8080 \
    Urls=http://+:8080 \
    ASPNETCORE_HTTP_PORTS=

# The non-root user the .NET images provide (UID in $APP_UID).
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "Plusflat.Web.dll"]
