// Parts of the console that need server routes from the account lifecycle (ban, unban,
// delete, the users' status column). They are built against the agreed routes and JSON
// and shown once the server has them: set to true when those routes are in the server.
export const lifecycle = true
