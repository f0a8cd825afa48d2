"""Using a page by keyboard alone, as a person without a mouse (or with a switch) does.

``Keyboard(page)`` presses only keys: Tab and Shift+Tab to move, Enter and Space to act,
arrow keys inside a widget that uses them (a select, a radio group), and types text into
the field that has focus. It never clicks and never fills.

- ``skip_to_main()``: on a freshly loaded page, the first Tab stop must be the skip link;
  Enter on it must move focus into ``main``.
- ``tab_to(target)``: presses Tab until the focused element is ``target`` (a Playwright
  locator: ``get_by_label``, ``get_by_role(..., name=...)``, so the accessible name decides),
  at most ``max_presses`` times; fails with every stop visited. At each stop the focus must
  be visible: a computed outline or box-shadow.
- ``type_into``, ``check``, ``choose_radio``, ``choose`` (a select, by arrow keys),
  ``type_date``, ``type_time``, ``activate`` and ``submit`` do one field or action each;
  ``log_in`` and ``log_out`` the account's forms.
- ``presses`` counts the Tab and Shift+Tab presses (the tests print it, to notice when a
  page grows many more stops before its main action).
"""

import re

from playwright.sync_api import Locator, Page

from tests.accounts.factories import PASSWORD
from tests.browser.session import _unused_totp_code

# What the focused element is and whether its focus can be seen. An element with
# :focus-visible but neither an outline nor a box-shadow (nor a changed background)
# shows nothing to a sighted keyboard user.
_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) {
    return {stop: "(page)", visible: true, body: true};
  }
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = !!style.boxShadow && style.boxShadow !== "none";
  const label = el.labels && el.labels.length ? el.labels[0].innerText : "";
  const name = (el.getAttribute("aria-label") || label || el.innerText || el.value
    || el.getAttribute("title") || el.getAttribute("name") || "").trim().replace(/\\s+/g, " ");
  const role = el.getAttribute("role") || el.tagName.toLowerCase()
    + (el.type && el.tagName !== "BUTTON" ? "[" + el.type + "]" : "");
  // Tab inside a date or time field reaches its calendar button, inside the browser's own
  // shadow DOM: the field itself no longer matches :focus, and Chromium draws its own
  // focus ring around the button (no page style reaches it).
  const picker = /^(date|time|datetime-local|month|week)$/.test(el.type) && !el.matches(":focus");
  return {
    stop: role + " \\"" + name.slice(0, 60) + "\\"" + (picker ? " (calendar button)" : ""),
    visible: outline || shadow || picker,
    body: false,
  };
}"""

_IS_FOCUSED = "(elements) => elements.some((el) => el === document.activeElement)"


class Keyboard:
    def __init__(self, page: Page, *, max_presses: int = 60):
        self.page = page
        self.max_presses = max_presses
        self.presses = 0
        self.stops: list[str] = []

    def _press(self, key: str) -> dict:
        self.page.keyboard.press(key)
        self.presses += 1
        focus = self.page.evaluate(_FOCUS)
        self.stops.append(focus["stop"])
        assert focus["visible"], (
            f"The focus is not visible on {focus['stop']} at {self.page.url} "
            f"(no outline or box-shadow); stops so far: {self.stops}"
        )
        return focus

    def focused(self, target: Locator) -> bool:
        return target.evaluate_all(_IS_FOCUSED)

    def skip_to_main(self) -> None:
        """The first Tab stop of the page is the skip link, and it moves focus to main.

        A page opened at the skip link's target (a GET form sent after the skip link
        keeps ``#main`` in its URL), or one that puts the focus in main itself (an error
        summary with autofocus), already starts in main: nothing to skip there."""
        self.page.wait_for_load_state()
        fragment = self.page.url.partition("#")[2]
        if fragment and self.page.evaluate(
            "(id) => !!document.getElementById(id)?.closest('main')", fragment
        ):
            return
        if self.page.evaluate(
            "() => document.activeElement !== document.body"
            " && !!document.activeElement?.closest('main')"
        ):
            return  # autofocus in main (an error summary): the page starts there
        self.stops = []
        self._press("Tab")
        link = self.page.evaluate(
            "() => ({href: document.activeElement.getAttribute('href') || '',"
            " text: document.activeElement.innerText.trim()})"
        )
        assert link["href"].startswith("#"), (
            f"The first Tab stop on {self.page.url} is {self.stops[-1]}, not a skip link"
        )
        self.page.keyboard.press("Enter")
        in_main = self.page.evaluate(
            """(id) => {
              const target = document.getElementById(id);
              const el = document.activeElement;
              return !!target && el === target && !!el.closest("main");
            }""",
            link["href"][1:],
        )
        assert in_main, (
            f"The skip link {link['text']!r} on {self.page.url} did not move focus to main"
        )

    def tab_to(self, target: Locator, *, backwards: bool = False) -> int:
        """Tab (or Shift+Tab) until ``target`` has focus; the number of presses it took."""
        key = "Shift+Tab" if backwards else "Tab"
        self.stops = []
        for count in range(1, self.max_presses + 1):
            self._press(key)
            if self.focused(target):
                return count
        raise AssertionError(
            f"{target} not reached with {self.max_presses} presses of {key} on "
            f"{self.page.url}; stops: {self.stops}"
        )

    def type_into(self, target: Locator, text: str) -> None:
        """Tab to a text field and type, key by key."""
        self.tab_to(target)
        self.page.keyboard.type(text)

    def type_date(self, target: Locator, day) -> None:
        """Tab to a date field and type the date's digits. The field takes its parts in the
        browser's own language order (month first in an en-US Chromium, day first in a
        Dutch one), whatever the page's language: type one order, and if the field does
        not hold the date, go back from the year to its first part and type the other."""
        self.tab_to(target)
        for order in ("%m%d%Y", "%d%m%Y"):
            self.page.keyboard.type(day.strftime(order))
            if target.input_value() == day.isoformat():
                return
            self._press("Shift+Tab")
            self._press("Shift+Tab")
        raise AssertionError(f"{target} did not take {day} from the keyboard")

    def type_time(self, target: Locator, hours: int, minutes: int) -> None:
        """Tab to a time field and type the time: with A or P where the browser's own
        language has a 12-hour clock (en-US Chromium); in a 24-hour field (a Dutch one)
        the letter does nothing, so go back from the minutes to the hours and type the
        24-hour digits."""
        self.tab_to(target)
        wanted = f"{hours:02}:{minutes:02}"
        self.page.keyboard.type(
            f"{(hours - 1) % 12 + 1:02}{minutes:02}{'P' if hours >= 12 else 'A'}"
        )
        if target.input_value() == wanted:
            return
        self._press("Shift+Tab")
        self.page.keyboard.type(f"{hours:02}{minutes:02}")
        assert target.input_value() == wanted, f"{target} did not take {wanted}"

    def activate(self, target: Locator, key: str = "Enter", *, backwards: bool = False) -> None:
        """Tab (or Shift+Tab) to a link or button and press Enter (or Space)."""
        self.tab_to(target, backwards=backwards)
        self.page.keyboard.press(key)

    def check(self, target: Locator) -> None:
        """Tab to a checkbox and tick it with Space."""
        self.tab_to(target)
        if not target.is_checked():
            self.page.keyboard.press("Space")
        assert target.is_checked(), f"Space did not tick {target}"

    def choose_radio(self, target: Locator) -> None:
        """Tab into a radio group and move with the arrow keys until ``target`` is chosen
        (Space on the first one, which Tab reaches unchosen)."""
        name = target.get_attribute("name")
        group = self.page.locator(f"input[type=radio][name='{name}']")
        self.tab_to(group)
        for _ in range(group.count()):
            if self.focused(target):
                if not target.is_checked():
                    self.page.keyboard.press("Space")
                break
            self.page.keyboard.press("ArrowDown")
        assert target.is_checked(), f"the arrow keys did not reach {target}"

    def choose(self, select: Locator, label: str | re.Pattern) -> None:
        """Tab to a select and move through its options with the arrow keys (as a
        closed select does in Chromium on Linux and Windows) until ``label`` is chosen."""
        self.tab_to(select)
        options = select.evaluate("(el) => Array.from(el.options).map((o) => o.text.trim())")
        self.page.keyboard.press("Home")
        for _ in range(len(options)):
            chosen = select.evaluate("(el) => el.options[el.selectedIndex].text.trim()")
            if re.fullmatch(label, chosen) if isinstance(label, re.Pattern) else chosen == label:
                return
            self.page.keyboard.press("ArrowDown")
        raise AssertionError(f"{label!r} is not among the options of {select}: {options}")

    def submit(self, target: Locator, url: str | re.Pattern) -> None:
        """Tab to a submit button, press Enter and wait for the next page."""
        self.tab_to(target)
        self.press_and_wait("Enter", url)

    def press_and_wait(self, key: str, url: str | re.Pattern) -> None:
        """Press ``key`` and wait for the page at ``url`` (a glob or a pattern), whatever
        its fragment: a form without an action posts to the page's URL with the
        ``#main`` the skip link added, and the redirect after it keeps that."""
        if isinstance(url, str):
            glob = re.escape(url).replace(r"\*\*", ".*").replace(r"\*", "[^/]*")
            url = re.compile(glob + "$")
        with self.page.expect_navigation(url=lambda u: bool(url.search(u.partition("#")[0]))):
            self.page.keyboard.press(key)


def log_in(
    keys: Keyboard,
    email: str,
    *,
    password: str = PASSWORD,
    totp_secret: str = "",
    then="**/mijn-buurt/",
) -> None:
    """The log-in form (and the second factor when asked), by keyboard, from the page
    the browser is on (the log-in page); ``then`` is the URL (pattern) after it."""
    page = keys.page
    keys.skip_to_main()
    keys.type_into(page.get_by_label("E-mail"), email)
    keys.type_into(page.get_by_label("Wachtwoord"), password)
    login = page.get_by_role("button", name="Inloggen")
    if not totp_secret:
        keys.submit(login, then)
        return
    keys.submit(login, "**/accounts/2fa/authenticate/**")
    keys.skip_to_main()
    keys.type_into(page.locator("input[name=code]"), _unused_totp_code(totp_secret))
    keys.press_and_wait("Enter", then)


def log_out(keys: Keyboard) -> None:
    """The header's log-out button, by keyboard: Shift+Tab back up from main."""
    page = keys.page
    keys.skip_to_main()
    keys.tab_to(page.get_by_role("button", name="Uitloggen"), backwards=True)
    keys.press_and_wait("Enter", re.compile(r"/$"))
