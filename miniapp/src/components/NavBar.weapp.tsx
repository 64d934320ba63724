// The mini-program keeps WeChat's own navigation bar (title, back, home): nothing to draw.
export default function NavBar(): null {
  return null;
}
