# Build a wheel in a throwaway stage, install it into a slim runtime that runs as an unprivileged user.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY gateway ./gateway
COPY schema ./schema
COPY resolvers ./resolvers
COPY sandbox ./sandbox
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN useradd --system --create-home --uid 10001 gateway
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
USER gateway
WORKDIR /home/gateway
EXPOSE 8000 9100-9104
ENTRYPOINT ["commerce-gateway"]
# Mount the config (and secrets) at /etc/commerce-gateway; `docker run IMAGE demo` runs the sandbox shop instead.
CMD ["serve", "--config", "/etc/commerce-gateway/gateway.yaml", "--host", "0.0.0.0"]
