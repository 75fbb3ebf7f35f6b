import { css } from 'lit';

/**
 * Theme tokens. Each reads a public `--oz-*` custom property with our default as fallback, so a
 * page can set them on any ancestor (even `:root`) or on one element. Defaults keep WCAG AA
 * contrast on the white surface (text ≥ 4.5:1, borders and focus ring ≥ 3:1).
 */
export const tokens = {
  fontFamily: css`var(--oz-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif)`,
  /** Never below 16px: the elderly read it, and phones zoom into smaller inputs. */
  fontSize: css`max(16px, var(--oz-font-size, 18px))`,
  fontSizeSmall: css`max(16px, calc(var(--oz-font-size, 18px) * 0.9))`,
  fontSizeHeading: css`max(20px, calc(var(--oz-font-size, 18px) * 1.3))`,
  lineHeight: css`var(--oz-line-height, 1.5)`,

  colorText: css`var(--oz-color-text, #1b1f24)`,
  colorTextMuted: css`var(--oz-color-text-muted, #4a5563)`,
  colorSurface: css`var(--oz-color-surface, #ffffff)`,
  colorSurfaceAlt: css`var(--oz-color-surface-alt, #f2f5f8)`,
  colorBorder: css`var(--oz-color-border, #6b7280)`,
  colorPrimary: css`var(--oz-color-primary, #0b5cad)`,
  colorPrimaryHover: css`var(--oz-color-primary-hover, #084a8c)`,
  colorOnPrimary: css`var(--oz-color-on-primary, #ffffff)`,
  colorDanger: css`var(--oz-color-danger, #b3261e)`,
  colorDangerSurface: css`var(--oz-color-danger-surface, #fdecea)`,
  colorSuccess: css`var(--oz-color-success, #1e6b3a)`,
  colorSuccessSurface: css`var(--oz-color-success-surface, #e8f5ec)`,
  colorFocus: css`var(--oz-color-focus, #0b5cad)`,

  radius: css`var(--oz-radius, 8px)`,
  spacing: css`var(--oz-spacing, 16px)`,
  spacingSmall: css`calc(var(--oz-spacing, 16px) / 2)`,
  /** Touch targets: WCAG 2.5.5 asks 44px; elderly fingers on phones need it. */
  controlHeight: css`max(44px, var(--oz-control-height, 48px))`,
};
