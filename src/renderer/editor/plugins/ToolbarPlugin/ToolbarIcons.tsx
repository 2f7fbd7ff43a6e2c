/**
 * Icons drawn here rather than emoji: a laptop without a colour-emoji font (many Linux installs)
 * shows 🔗 and 🖼 as empty boxes. Decorative: the buttons carry their names in aria-label.
 */
const common = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
  focusable: false,
};

export function LinkIcon() {
  return (
    <svg {...common}>
      <path d="M6.5 9.5l3-3" />
      <path d="M7 4.5l1-1a2.8 2.8 0 014 4l-1 1" />
      <path d="M9 11.5l-1 1a2.8 2.8 0 01-4-4l1-1" />
    </svg>
  );
}

export function PhotoIcon() {
  return (
    <svg {...common}>
      <rect x="1.5" y="3" width="13" height="10" rx="1.5" />
      <circle cx="5.5" cy="6.5" r="1.2" />
      <path d="M2 12l4-4 3 3 2-2 3 3" />
    </svg>
  );
}
