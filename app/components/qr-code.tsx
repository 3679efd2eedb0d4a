interface QrCodeProps {
  /** SVG markup made on the server by `qrCodeSvg`. */
  svg: string;
  /** What the code is, for people who cannot see it. */
  label: string;
}

/** A QR code rendered from server-made SVG, announced as one image with its label. */
export function QrCode({ svg, label }: QrCodeProps) {
  return (
    <div
      className="qr"
      role="img"
      aria-label={label}
      // The markup comes from the qrcode library on our server, never from user input.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
