export function App() {
  return (
    <main>
      <h1>Gmail Sender</h1>
      <form aria-label="Compose" onSubmit={(event) => event.preventDefault()}>
        <label>
          Message
          <textarea name="body" rows={10} />
        </label>
      </form>
    </main>
  );
}
