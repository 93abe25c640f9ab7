/**
 * The configuration file ({@code analyze --config FILE}): YAML read once, validated completely (every problem
 * reported with its place, not just the first), and compiled into an immutable {@link
 * io.stagehunt.config.StagehuntConfig} of typed detector settings.
 */
package io.stagehunt.config;
